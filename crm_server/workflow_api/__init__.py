"""The workflow API for CRM staff (routes and answers)."""
