"""The lecture's experiments, one lab per module, reachable from the main window's Labs menu."""
