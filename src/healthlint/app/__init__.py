"""The application layer: what a check, a listing or a library report does, as the command line
and the Python API both ask for it — the configuration of each file resolved and the files
grouped by it, the settings given for the run applied over it, caches chosen and kept out of the
checked tree, a baseline applied — without parsing arguments or printing reports.
"""
