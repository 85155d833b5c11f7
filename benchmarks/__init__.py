"""Scripts that measure the hub and print figures (never timed assertions)."""
