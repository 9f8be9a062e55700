print(f"{-1:c}")
