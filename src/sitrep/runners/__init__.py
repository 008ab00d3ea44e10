"""Runners: where coding happens (this machine: `local`), with the store as the one writer."""
