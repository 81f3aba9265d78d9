"""Writes for meetings: scheduling rules, meetings, papers and dispatch (sub-modules)."""
