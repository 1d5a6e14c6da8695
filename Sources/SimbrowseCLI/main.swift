import Simbrowse
print("simbrowse")
