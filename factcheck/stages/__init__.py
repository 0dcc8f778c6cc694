"""Pipeline stages: small functions over typed records."""
