"""Reading exhibit content: pure Python, no Qt, so it runs fast and anywhere."""
