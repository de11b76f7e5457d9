"""Services: each call opens a short session, works in one transaction, returns plain data.

The UI and the command line call services; neither meets a session or a lazy-load error.
"""
