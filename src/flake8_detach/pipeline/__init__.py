"""Source to findings and fixes: which pieces of a file to parse (`pieces`), checking them
(`checking`), fixing (`fixing`), `# noqa` and notebooks."""
