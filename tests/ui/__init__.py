"""Tests of the pygame front end; they run headless."""
