"""Meetings of boards and work streams: venues, agendas, papers and their dispatch, RSVPs,
attendance, minutes and actions (issue 9). A nested Django app, label `meetings`."""
