"""Writes for conditions of success, the action plan and the yearly self-evaluation."""
