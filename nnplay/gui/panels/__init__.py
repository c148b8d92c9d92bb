"""The views of the main window: each panel has one ``update_from(trainer)`` entry point."""
