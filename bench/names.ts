/**
 * Made-up but realistic name parts from many languages, with the accents, apostrophes, hyphens and letters
 * (ł, ø, ß, đ, ı) a clinic's front desk actually meets. Combined at random; no real person is meant.
 */

export const femaleGivenNames = [
  'María', 'Lucía', 'Sofía', 'Mónica', 'Inés', 'Pilar', 'Begoña', 'Ximena', 'Guadalupe', 'Ángela', 'Mariana', 'Camila',
  'Valentina', 'Gabriela', 'Daniela', 'Paula', 'Zoë', 'Renée', 'Chloé', 'Anaïs', 'Léa', 'Mélanie', 'Hélène', 'Françoise',
  'Agnès', 'Maëlle', 'Åsa', 'Sigrún', 'Ingrid', 'Solveig', 'Małgorzata', 'Zofia', 'Agnieszka', 'Dorota', 'Katarzyna',
  'Kateřina', 'Zuzana', 'Tereza', 'Réka', 'Zsófia', 'Dóra', 'Siobhán', 'Aoife', 'Niamh', 'Saoirse', 'Thảo', 'Ngọc',
  'Hương', 'Linh', 'Mai', 'Yuki', 'Aiko', 'Priya', 'Aditi', 'Fatima', 'Aïcha', 'Leïla', 'Amira', 'Yasmin', 'Ayşe',
  'Gülşen', 'Zeynep', 'Elif', 'Ana', 'Anna', 'Eva', 'Mary', 'Linda', 'Patricia', 'Barbara', 'Elizabeth', 'Jennifer',
  'Susan', 'Margaret', 'Dorothy', 'Lisa', 'Nancy', 'Karen', 'Betty', 'Helen', 'Sandra', 'Donna', 'Carol', 'Ruth',
  'Sharon', 'Michelle', 'Laura', 'Kimberly', 'Deborah', 'Jessica', 'Ashley', 'Emily', 'Sarah', 'Aaliyah', 'Imani',
  'Keisha', 'Grace', 'Olivia', 'Amelia', 'Harper', 'Evelyn', 'Abigail', 'Madison', 'Chiamaka', 'Adaeze', 'Abena',
];

export const maleGivenNames = [
  'José', 'Jesús', 'Andrés', 'Raúl', 'Héctor', 'Martín', 'Sebastián', 'Nicolás', 'Joaquín', 'Tomás', 'Iñigo', 'Álvaro',
  'François', 'Jérôme', 'Stéphane', 'Thierry', 'Benoît', 'Gaël', 'Loïc', 'Noël', 'Jürgen', 'Jörg', 'Björn', 'Søren',
  'Mikkel', 'Øystein', 'Håkon', 'Łukasz', 'Paweł', 'Wojciech', 'Krzysztof', 'Jiří', 'Tomáš', 'Lukáš', 'Dušan', 'Miloš',
  'Đorđe', 'Đức', 'Minh', 'Quốc', 'Hùng', 'Tuấn', 'Hiroshi', 'Kenji', 'Takeshi', 'Raj', 'Arjun', 'Vikram', 'Mohammed',
  'Ahmed', 'Omar', 'Yusuf', 'Mehmet', 'Mustafa', 'Emre', 'Ömer', 'Çağrı', 'Seán', 'Pádraig', 'Eoin', 'Ciarán', 'James',
  'John', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Joseph', 'Thomas', 'Charles', 'Christopher', 'Daniel',
  'Matthew', 'Anthony', 'Mark', 'Donald', 'Steven', 'Paul', 'Andrew', 'Joshua', 'Kenneth', 'Kevin', 'Brian', 'George',
  'Timothy', 'Ronald', 'Edward', 'Jason', 'Jeffrey', 'Ryan', 'Jacob', 'Gary', 'Nicholas', 'Eric', 'Jonathan', 'Samuel',
  'Benjamin', 'Gregory', 'Alexander', 'Patrick', 'Raymond', 'Tyler', 'Aaron', 'Luis', 'Carlos', 'Juan', 'Jorge', 'Diego',
  'Chukwuemeka', 'Kwame', 'Oluwaseun', 'Tendai',
];

export const familyNames = [
  'García', 'Martínez', 'Rodríguez', 'López', 'Hernández', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores',
  'Rivera', 'Gómez', 'Díaz', 'Cruz', 'Morales', 'Reyes', 'Gutiérrez', 'Ortiz', 'Chávez', 'Ramos', 'Ruiz', 'Jiménez',
  'Muñoz', 'Álvarez', 'Núñez', 'Peña', 'Castañeda', 'Ibáñez', 'Yáñez', 'Smith', 'Johnson', 'Williams', 'Brown', 'Jones',
  'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White',
  'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill', 'Green', 'Adams',
  'Baker', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans', 'Edwards',
  'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper', 'Peterson', 'Reed', 'Bailey', 'Bell',
  'Kelly', 'Howard', 'Ward', 'Richardson', 'Watson', 'Brooks', 'Bennett', 'Gray', 'Hughes', 'Price', 'Sanders', 'Myers',
  'Müller', 'Schröder', 'Schäfer', 'Köhler', 'Krüger', 'Weiß', 'Groß', 'Hoffmann', 'Jäger', 'Strauß', 'Lefèvre',
  'Dubois', 'Lemaître', 'Gauthier', 'Fournier', 'Girard', 'Bonnet', 'Rousseau', 'Mercier', 'Chevalier', 'Nguyễn',
  'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Kowalski', 'Nowak', 'Wiśniewski',
  'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski',
  'Mazur', 'Krawczyk', 'Pawłowski', 'Novák', 'Dvořák', 'Černý', 'Procházka', 'Kučera', 'Veselý', 'Horák', 'Němec',
  'Pokorný', 'Růžička', 'Beneš', 'Sedláček', 'Kovács', 'Szabó', 'Tóth', 'Horváth', 'Varga', 'Molnár', 'Németh', 'Farkas',
  'Balogh', 'Takács', 'Juhász', 'Mészáros', 'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın',
  'Özdemir', 'Arslan', 'Doğan', 'Kılıç', "O'Brien", "O'Connor", 'Ó Súilleabháin', 'MacGiolla', 'Søndergaard',
  'Østergaard', 'Jørgensen', 'Kjær', 'Bjørnstad', 'Åberg', 'Lindqvist', 'Sjöberg', 'Nyström', 'Häkkinen', 'Mäkinen',
  'Virtanen', 'Kärkkäinen', 'Suzuki', 'Tanaka', 'Watanabe', 'Itō', 'Satō', 'Patel', 'Sharma', 'Singh', 'Gupta', 'Kumar',
  'Khan', 'Haddad', 'Al-Rashid', 'El-Amin', 'Abdi', 'Mensah', 'Okafor', 'Adébáyọ̀', 'Nwosu', 'Kim', 'Park', 'Choi',
];

export const streetNames = [
  'Main Street', 'Oak Avenue', 'Maple Drive', 'Cedar Lane', 'Pine Road', 'Elm Street', 'Washington Avenue', 'Lake Road',
  'Hillcrest Drive', 'River Road', 'Calle Sol', 'Avenida Juárez', 'Rue Saint-Honoré', 'Church Street', 'Mill Lane',
];

export const cities = [
  ['Springfield', 'IL'], ['Riverside', 'CA'], ['Franklin', 'TN'], ['Greenville', 'SC'], ['Bristol', 'CT'], ['Clinton', 'IA'],
  ['Madison', 'WI'], ['Georgetown', 'TX'], ['Salem', 'OR'], ['Fairview', 'NM'], ['Española', 'NM'], ['Cañon City', 'CO'],
] as const;
