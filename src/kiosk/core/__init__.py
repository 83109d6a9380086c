"""The state of a visit, with QtCore only: testable without any widget."""
