import Models

/// `adjacencyLoss` in a suite: `symmetric` or `upperTriangle`.
extension GraphVariationalAutoencoder.AdjacencyLoss: SettingChoice {}
