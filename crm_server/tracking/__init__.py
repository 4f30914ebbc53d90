"""The public tracking page the receipt QR opens (``/T/{code}/{token}``), with its
templates."""
