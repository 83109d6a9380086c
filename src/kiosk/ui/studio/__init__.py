"""The exhibit studio: a desktop window where staff edit, proof and publish an exhibit."""
