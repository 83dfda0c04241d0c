import Models

/// The latent draws of arch2vec's pretraining report are a setting of every arch2vec method.
extension PriorSampling: SettingChoice {}
