// Placeholder until the SearchMethods target lands; replaced by its first real file.
