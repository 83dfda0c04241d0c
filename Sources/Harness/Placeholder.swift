// Placeholder until the Harness target lands; replaced by its first real file.
