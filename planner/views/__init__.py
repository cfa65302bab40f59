"""Protected time pages: the team planner and metrics, "My protected time", and the forms that
book, decide, cover, cancel and record attendance and absences.

Views stay thin: reads come from ``planner.selectors`` (built on ``planner.access``), writes go
through ``planner.services``. Things the visitor may not see answer 404; things they may see
but not change answer 403. Every form posts, then redirects (POST-redirect-GET) with a message.
"""
