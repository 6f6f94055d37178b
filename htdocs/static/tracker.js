/*
 * Optional help for the engagement form; everything works without it.
 * Choosing a name from the People type-ahead adds that person at once
 * (as a ticked box the server resolves on save), so several people can be
 * added without a round trip each.
 */
(function () {
	"use strict";

	var input = document.getElementById("f-people");
	var list = document.getElementById("directory");
	if (!input || !list)
		return;

	function known(name) {
		for (var i = 0; i < list.options.length; i++)
			if (list.options[i].value === name)
				return true;
		return false;
	}

	function chosenList() {
		var ul = input.closest(".field").querySelector("ul.chosen");
		if (!ul) {
			ul = document.createElement("ul");
			ul.className = "chosen";
			input.closest(".add-row").before(ul);
		}
		return ul;
	}

	var added = 0;
	input.addEventListener("change", function () {
		var name = input.value.trim();
		if (!known(name))
			return;
		var li = document.createElement("li");
		var box = document.createElement("input");
		var label = document.createElement("label");
		box.type = "checkbox";
		box.name = "people";
		box.value = name;
		box.checked = true;
		box.id = "f-people-added-" + (++added);
		label.htmlFor = box.id;
		label.textContent = name;
		li.append(box, label);
		chosenList().append(li);
		input.value = "";
		input.focus();
	});
}());
