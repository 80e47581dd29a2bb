"""The test suite, laid out like the game package it tests; run headless."""
