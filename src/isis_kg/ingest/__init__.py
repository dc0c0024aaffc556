"""Ingest: from files on disk to documents with clean, offset-mapped text.

- ``reader``: find the texts, read them as UTF-8, refuse what is not text;
- ``catalogue``: the metadata of each text, found by the SHA-256 of its bytes;
- ``layout``: undo the layout of PDF extractions (line breaks, hyphenation, page furniture);
- ``sentences``: split the clean text into sentences that map back to the file.
"""

from isis_kg.ingest.catalogue import Catalogue, load_catalogues
from isis_kg.ingest.layout import repair_layout
from isis_kg.ingest.reader import SourceFile, discover, read_source
from isis_kg.ingest.sentences import split_sentences

__all__ = ["Catalogue", "SourceFile", "discover", "load_catalogues", "read_source", "repair_layout", "split_sentences"]
