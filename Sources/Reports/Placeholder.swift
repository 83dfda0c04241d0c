// Placeholder until the Reports target lands; replaced by its first real file.
