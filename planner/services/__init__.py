"""Every write to protected time goes through a function in this package, a module per
sub-domain (bookings, cover, allowances, absences). Each takes the acting person, checks
permission with ``planner.access``, validates (``ValidationError`` keyed by field), writes inside
one transaction and records an audit entry."""
