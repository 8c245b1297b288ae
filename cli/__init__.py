"""The ``regkg`` command line: thin wiring over loaders/, graph/ and api/."""
