"""Gazette: turn a government gazette (政府公报) into a static, searchable, citable archive.

The pipeline has one module per stage: ``pdf`` (the only module that talks to pypdf),
``pages`` (page text and furniture), ``cover`` (issue metadata), ``toc`` (the 目录),
``split`` (documents), ``metadata`` (per-document fields), ``structure`` (章/节/条),
``content`` (Markdown files with YAML front matter), ``export`` (JSON Lines),
``searchindex`` (the only module that talks to Whoosh) and ``site`` (MkDocs build).
Frozen dataclasses in ``models`` are the contract between them.
"""

__version__ = "0.1.0"
