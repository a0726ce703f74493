"""The dashboard's pages, one module each; ``router`` in ``web/dashboard/routes.py`` joins them."""
