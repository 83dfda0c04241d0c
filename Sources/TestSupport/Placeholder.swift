// Placeholder until the TestSupport target lands; replaced by its first real file.
