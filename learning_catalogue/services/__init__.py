"""Every write to the catalogue goes through a function here, a module per sub-domain: each
takes the acting person, checks permission with ``learning_catalogue.access``, validates,
writes inside one transaction (locking a session's row before its places) and audits."""
