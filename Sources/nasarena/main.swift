print("nasarena: under construction")
