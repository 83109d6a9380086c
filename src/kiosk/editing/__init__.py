"""The exhibit studio's rules, without Qt: the content files as an editable document (round
trip, so staff's comments and layout survive), the outline and form generated from the
loader's field specs, pictures, recovery copies and publishing a signed pack."""
