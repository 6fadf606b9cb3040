"""Use cases shared by the window and the command line: they read the store and call export or core."""
