// Placeholder until the Tensor target lands; replaced by its first real file.
