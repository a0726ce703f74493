"""Reply texts: the per-locale catalogs (``catalog``) and times written back (``formatting``).

Output only: understanding a message is ``language``'s job, saying things back is this one's.
"""
