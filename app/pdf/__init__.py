"""Printed documents (ReportLab) built from the services' plain read models. No Qt here.

Import the modules themselves (``from app.pdf.plan_pdf import build_plan_pdf``): this package
stays empty so that importing it does not pull in ReportLab.
"""
