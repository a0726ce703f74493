"""The parts of ``bench/load.py``: message mix, load generator, floor app, process stack."""
