"""Self-evaluation on the engagement dial: dial assessments with their history, declared
against experienced levels, the characteristics check, and stakeholders and their assets."""
