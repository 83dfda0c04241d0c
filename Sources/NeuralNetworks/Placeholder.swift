// Placeholder until the NeuralNetworks target lands; replaced by its first real file.
