"""Running unattended: systemd notifications, health reports, logs."""
