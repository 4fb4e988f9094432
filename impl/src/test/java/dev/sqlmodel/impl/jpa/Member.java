package dev.sqlmodel.impl.jpa;

import jakarta.persistence.Id;

/** A person with public fields and an application-assigned key. */
@jakarta.persistence.Entity
public class Member {
    @Id
    public long id;
    public String firstName;
    public String lastName;
    public int age;

    public Member() {
    }

    public Member(long id, String firstName, String lastName, int age) {
        this.id = id;
        this.firstName = firstName;
        this.lastName = lastName;
        this.age = age;
    }
}
