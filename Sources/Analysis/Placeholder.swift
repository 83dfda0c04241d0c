// Placeholder until the Analysis target lands; replaced by its first real file.
