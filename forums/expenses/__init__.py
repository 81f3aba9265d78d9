"""Expenses and rewards: claims after meetings and opportunities, their approval and payment,
and the area's portfolio of incentives."""
