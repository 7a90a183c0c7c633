"""The sync protocol shared by client and server: wire shapes, synced tables, codec.

The server may import this package (and nothing else of :mod:`app.sync`), so it
holds no client state and no HTTP code.
"""
