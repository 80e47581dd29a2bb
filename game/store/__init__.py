"""Everything the game keeps on disk: scenario files, transcripts, saves and settings.

The layer above the engine: it reads and writes files and hands the engine validated values.
"""
