"""Staff mode: a hidden way in, a PIN, and a touch-friendly panel."""
