"""Signing identities and PAdES signatures (pyHanko), with no Qt and no reportlab.

- ``identity``: a person's key and certificate, created or imported, stored 0600;
- ``trust``: the certificates a person has checked and trusts;
- ``sign``: appending a signature to a PDF.

Checking signatures is part of ``workerimpact.report.signatures``.
"""
