"""Tests of the recert package (unittest, standard library only)."""
